import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer';

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [
    c,
    [...'àƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i],
  ]),
);

/** Literal text only: placeholders, tags' names and plural keywords stay as they are. */
function pseudoText(text: string): string {
  const accented = [...text].map((c) => ACCENTED[c] ?? c).join('');
  // 40 % longer, the most a translation usually grows, as words of a usual length (a real
  // translation's words wrap; one long run of padding would not).
  const padding = Math.ceil(text.replace(/\s/g, '').length * 0.4);
  if (!padding || !/\S/.test(text)) return accented;
  const words = 'ȳȳȳȳȳ '.repeat(Math.ceil(padding / 5)).slice(0, padding + Math.floor(padding / 5));
  return /\s$/.test(accented) ? `${accented}${words.trim()} ` : `${accented} ${words.trim()}`;
}

function pseudoElements(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element) => {
    switch (element.type) {
      case TYPE.literal:
        return { ...element, value: pseudoText(element.value) };
      case TYPE.plural:
      case TYPE.select:
        return {
          ...element,
          options: Object.fromEntries(
            Object.entries(element.options).map(([k, option]) => [
              k,
              { ...option, value: pseudoElements(option.value) },
            ]),
          ),
        } as MessageFormatElement;
      case TYPE.tag:
        return { ...element, children: pseudoElements(element.children) };
      default:
        return element;
    }
  });
}

/**
 * The pseudo-locale's message: every letter of its text accented and the text 40 % longer, its
 * placeholders, plurals and tags intact. A page in it shows at a glance any English left, which
 * tests/integration/pseudo-locale.test.ts looks for.
 */
export function pseudoMessage(message: string): string {
  return printAST(pseudoElements(parse(message)));
}
