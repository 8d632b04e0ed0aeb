export function App() {
  return <main>actlab explorer</main>;
}
