/** What a key or a typed line means while replies are offered. */
export type ReplyInput = { kind: 'reply'; number: number } | { kind: 'quit' } | { kind: 'hint'; message: string };

/**
 * Reads what the trainee typed at a decision with `offered` replies. Anything
 * that is not a reply number or q gets a hint, never silence: a new user
 * pressing Enter or 0 must learn what the game wants.
 *
 * @example replyInput('2', 3) // { kind: 'reply', number: 2 }
 * @example replyInput('', 3)  // { kind: 'hint', message: 'Type a number from 1 to 3, or q to quit.' }
 */
export function replyInput(input: string, offered: number): ReplyInput {
  const text = input.trim().toLowerCase();
  if (text === 'q') return { kind: 'quit' };
  const number = /^\d+$/.test(text) ? Number(text) : NaN;
  if (number >= 1 && number <= offered) return { kind: 'reply', number };
  const wanted = offered === 1 ? 'Type 1 to reply, or q to quit.' : `Type a number from 1 to ${offered}, or q to quit.`;
  return { kind: 'hint', message: Number.isNaN(number) || number === 0 ? wanted : `There is no reply ${number}. ${wanted}` };
}
