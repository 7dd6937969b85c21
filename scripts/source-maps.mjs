// Source maps ship only for the chunks that hold our code (src/): they exist so that a crash report
// can name our source lines (src/cli/crash-stack.ts reads them after a crash; Node never loads them
// otherwise). A chunk made only of libraries (the client-node one alone has a 3.8 MB map) keeps no
// map: its frames stay minified, and the package stays small.
import { readFile, rm, writeFile } from 'node:fs/promises';

const hasOurCode = (output) =>
  Object.entries(output.inputs).some(([path, i]) => path.startsWith('src/') && i.bytesInOutput > 0);

/** Removes the .map of every output chunk without code from src/, and its sourceMappingURL comment. */
export async function dropLibraryOnlySourceMaps(metafile) {
  const libraryOnly = Object.entries(metafile.outputs).filter(([path, o]) => path.endsWith('.js') && !hasOurCode(o));
  await Promise.all(
    libraryOnly.map(async ([path]) => {
      const js = await readFile(path, 'utf8');
      await writeFile(path, js.replace(/\n\/\/# sourceMappingURL=\S+\n?$/, '\n'));
      await rm(`${path}.map`);
    }),
  );
}
