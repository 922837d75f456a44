export function App() {
  return <h1>Consilium</h1>;
}
