import type { ApiClient } from './api/ApiClient';
import type { Session } from './auth/Session';

/** What every service is built from. */
export interface ServiceContext {
  api: ApiClient;
  session: Session;
}

/** A service module, OHIF-style: a unique name and a factory. Services live in src/services/<name>/. */
export interface ServiceModule<T> {
  name: string;
  create(context: ServiceContext): T;
}

/** Services that hold per-user state drop it when the user signs out. */
export interface Resettable {
  reset(): void;
}

/**
 * Builds each registered service once, lazily, and hands it out by its module (typed, no string casts).
 * Registering two modules under one name is an error: two features would silently share state.
 */
export class ServiceRegistry {
  private readonly modules = new Map<string, ServiceModule<unknown>>();
  private readonly instances = new Map<string, unknown>();

  constructor(private readonly context: ServiceContext) {
    context.session.events.subscribe('changed', (user) => {
      if (!user) this.reset();
    });
  }

  register(...modules: ServiceModule<unknown>[]): this {
    for (const module of modules) {
      if (this.modules.has(module.name)) throw new Error(`Service "${module.name}" is already registered`);
      this.modules.set(module.name, module);
    }
    return this;
  }

  get<T>(module: ServiceModule<T>): T {
    if (this.modules.get(module.name) !== module) throw new Error(`Service "${module.name}" is not registered`);
    if (!this.instances.has(module.name)) this.instances.set(module.name, module.create(this.context));
    return this.instances.get(module.name) as T;
  }

  private reset(): void {
    for (const instance of this.instances.values()) {
      if (typeof (instance as Partial<Resettable>).reset === 'function') (instance as Resettable).reset();
    }
  }
}
