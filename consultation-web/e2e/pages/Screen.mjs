import { TEXT } from './text.mjs';

/** A page object: the Playwright page and the words of the language the user reads it in. */
export class Screen {
  constructor(page, lang = 'vi') {
    this.page = page;
    this.speak(lang);
  }

  /** From now on, find things by their words in `lang`. */
  speak(lang) {
    this.lang = lang;
    this.text = TEXT[lang];
  }
}
