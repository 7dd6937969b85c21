// Ink imports react-devtools-core only when DEV=true; the bundle replaces it with this no-op so the
// published CLI needs no devtools package.
export default { initialize() {}, connectToDevTools() {} };
