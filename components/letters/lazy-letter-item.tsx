"use client";

import { lazyWithLoading } from "@/components/ui/lazy-with-loading";
import type { LetterItem } from "./letter-item";

// Letters show only on a case charged after its confirmation: every other
// case page leaves their code out (issue 37's 150 kB).
export const LazyLetterItem = lazyWithLoading<Parameters<typeof LetterItem>[0]>(() =>
  import("./letter-item").then((m) => m.LetterItem),
);
