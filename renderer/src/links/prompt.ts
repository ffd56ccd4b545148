import { create } from 'zustand';

/** What the link dialog asks or tells. */
type LinkPrompt =
  | { kind: 'ask'; host: string; unicodeHost?: string | undefined; href: string }
  | { kind: 'http'; host: string; href: string }
  | { kind: 'refused'; reason: string; url: string };

interface PromptState {
  prompt: LinkPrompt | undefined;
  answer: ((open: boolean) => void) | undefined;
  show: (prompt: LinkPrompt) => Promise<boolean>;
  settle: (open: boolean) => void;
}

/** The one pending link question (a new one cancels the previous). */
export const useLinkPrompt = create<PromptState>()((set, get) => ({
  prompt: undefined,
  answer: undefined,
  show: (prompt) =>
    new Promise<boolean>((resolve) => {
      get().answer?.(false);
      set({ prompt, answer: resolve });
    }),
  settle: (open) => {
    const { answer } = get();
    set({ prompt: undefined, answer: undefined });
    answer?.(open);
  },
}));
