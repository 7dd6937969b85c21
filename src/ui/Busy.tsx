import { useEffect, useState } from 'react';
import { Text } from './Text.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** A spinner that turns 4 times a second. Every tick re-renders the whole screen through Ink
 *  (~20 ms of CPU on a 2-core machine), so ink-spinner's 12.5 ticks a second took a third of a
 *  core exactly while the app was busiest: connecting, discovering, listing. */
export function Busy() {
  const [i, setI] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setI((x) => (x + 1) % FRAMES.length), 250);
    return () => clearInterval(t);
  }, []);
  return <Text>{FRAMES[i]}</Text>;
}
