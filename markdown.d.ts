// Markdown files are bundled as text by esbuild (and loaded as text by the test loader).
declare module '*.md' {
  const text: string;
  export default text;
}
