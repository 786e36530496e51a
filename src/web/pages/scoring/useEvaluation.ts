// Scores the answers on the server (the authority on bands, stars and minimums), 250 ms after the last change;
// an answer that arrives after a newer request is dropped.
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../api.js';
import type { Evaluation, Findings } from './types.js';

export type Answers = Record<string, string>;

const NO_FINDINGS: Findings = { knockOuts: [], conditions: {} };

export function useEvaluation(sheet: number, answers: Answers, findings: Findings = NO_FINDINGS) {
  const input = useMemo(() => ({ answers, findings }), [answers, findings]);
  const [debounced] = useDebouncedValue(input, 250);
  const [result, setResult] = useState<{ for: { answers: Answers; findings: Findings }; evaluation: Evaluation } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    api.post<Evaluation>(`/api/v1/score-sheets/${sheet}/evaluate`, { answers: debounced.answers, knockOuts: debounced.findings.knockOuts, conditions: debounced.findings.conditions })
      .then((evaluation) => { if (ticket === latest.current) { setResult({ for: debounced, evaluation }); setError(null); } })
      .catch((e: unknown) => { if (ticket === latest.current) setError(e); });
  }, [sheet, debounced]);

  return { evaluation: result?.evaluation, fresh: result?.for.answers === answers && result.for.findings === findings, error };
}
