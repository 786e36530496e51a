// Sample answer sets near a target total, for demo data and tests: the best option everywhere, then criteria without
// any star marker lowered first (so the minimums stay met as long as possible), then the others.
import { bestAnswers, scoreAnswers, type Answers } from './scoring.rules.js';
import { criteriaOf, type Sheet } from './sheets.data.js';

export function answersNear(sheet: Sheet, target: number): Answers {
  const answers = bestAnswers(sheet);
  const unmarked = (x: { options: { minStar: number | null }[] }) => x.options.every((o) => o.minStar === null);
  const order = criteriaOf(sheet).sort((a, b) => Number(unmarked(b)) - Number(unmarked(a)) || b.max - a.max);
  for (const c of order) {
    const total = scoreAnswers(sheet, answers).total;
    if (total <= target) break;
    const over = total - target;
    const best = c.options.reduce((a, b) => (b.points > a.points ? b : a));
    // The option that removes just enough, or the lowest one.
    const pick = [...c.options].sort((a, b) => b.points - a.points).find((o) => best.points - o.points >= over) ?? c.options.reduce((a, b) => (b.points < a.points ? b : a));
    if (pick.id !== best.id) answers[c.code] = pick.id;
  }
  return answers;
}
