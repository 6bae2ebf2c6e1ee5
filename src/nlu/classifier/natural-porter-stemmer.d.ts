// natural ships no declaration for its submodules; importing the submodule avoids loading the whole
// package (0.5–0.8 s and database clients, see FIELD-NOTES).
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
