// Scores the answers on the server (the authority on bands, stars and minimums), 250 ms after the last change;
// an answer that arrives after a newer request is dropped.
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api.js';
import type { Evaluation } from './types.js';

export type Answers = Record<string, string>;

export function useEvaluation(sheet: number, answers: Answers) {
  const [debounced] = useDebouncedValue(answers, 250);
  const [result, setResult] = useState<{ for: Answers; evaluation: Evaluation } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    api.post<Evaluation>(`/api/v1/score-sheets/${sheet}/evaluate`, { answers: debounced })
      .then((evaluation) => { if (ticket === latest.current) { setResult({ for: debounced, evaluation }); setError(null); } })
      .catch((e: unknown) => { if (ticket === latest.current) setError(e); });
  }, [sheet, debounced]);

  return { evaluation: result?.evaluation, fresh: result?.for === answers, error };
}
