// One criterion of a score sheet as a radio group: the decree's wording, its requirement, notes and knock-out
// conditions, and each option with its points and, when the option is a star minimum, a ★★★–★★★★★ badge.
import { Badge, Box, Checkbox, Group, Radio, Stack, Text, VisuallyHidden } from '@mantine/core';
import { memo, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { SheetCriterion } from './types.js';

/** The star-minimum marker: stars for the eye, words for the screen reader. */
export function MinStarBadge({ star }: { star: number }) {
  const { t } = useTranslation();
  return (
    <Badge color="yellow" variant="light" c="yellow.9" radius="sm" size="sm" style={{ textTransform: 'none', flexShrink: 0 }} title={t('sheet.minStar', { count: star })}>
      <span aria-hidden="true">{'★'.repeat(star)}</span><VisuallyHidden>{t('sheet.minStar', { count: star })}</VisuallyHidden>
    </Badge>
  );
}

const NONE = '';

function Remark({ label, text, color }: { label: string; text?: string; color?: string }) {
  if (!text) return null;
  return <Text size="sm" c={color ?? 'dark.5'}><Text span fw={700} inherit>{label}: </Text>{text}</Text>;
}

type Props = {
  criterion: SheetCriterion; value: string | undefined; readOnly?: boolean; onChange(code: string, optionId: string | undefined): void; idPrefix?: string;
  /** Rendered under the options, e.g. the dossier's evidence files for this criterion. */
  extra?: ComponentType<{ code: string }>;
  /** Whether the scorer found this criterion's knock-out (or stop) condition met, and how to tick it. */
  knockedOut?: boolean;
  onKnockOut?(code: string, on: boolean): void;
  /** For a criterion that applies only with a product story: what is known about the story, and how to state it. */
  story?: 'unknown' | 'no' | 'answeredYes' | 'answeredNo';
  onStory?(has: boolean | undefined): void;
};

/** The knock-out tick ("Bị loại nếu …" found) or the stop tick ("… không đánh giá các bước tiếp theo" found). */
function KnockOutTick({ c, checked, readOnly, onChange, idPrefix }: { c: SheetCriterion; checked: boolean; readOnly?: boolean; onChange?(code: string, on: boolean): void; idPrefix: string }) {
  const { t } = useTranslation();
  const rule = c.rules?.find((r) => r.kind === 'knockOut' || r.kind === 'stopIfFound');
  if (!rule) return null;
  return (
    <Checkbox mt={6} color="red" id={`${idPrefix}knockout-${c.code}`} className="knockout-tick" checked={checked} disabled={readOnly}
      onChange={(e) => onChange?.(c.code, e.currentTarget.checked)}
      label={<Text span size="sm" fw={600} c="red.9">{t(rule.kind === 'knockOut' ? 'sheet.knockOutFound' : 'sheet.stopFound', { code: c.code })}</Text>}
      description={<Text span size="xs" c="dark.4">{rule.source}</Text>} />
  );
}

function StoryQuestion({ c, story, readOnly, onStory, idPrefix }: { c: SheetCriterion; story: NonNullable<Props['story']>; readOnly?: boolean; onStory?(has: boolean | undefined): void; idPrefix: string }) {
  const { t } = useTranslation();
  if (story === 'answeredYes') return null;
  if (story === 'answeredNo') return <Text size="sm" c="dark.6" fw={600} mt={6}>{t('sheet.notApplicableByAnswer', { code: c.code })}</Text>;
  return (
    <Checkbox mt={6} id={`${idPrefix}nostory-${c.code}`} checked={story === 'no'} disabled={readOnly} onChange={(e) => onStory?.(e.currentTarget.checked ? false : undefined)}
      label={<Text span size="sm">{t('sheet.noProductStory', { code: c.code })}</Text>} />
  );
}

export const CriterionField = memo(function CriterionField({ criterion: c, value, readOnly, onChange, idPrefix = '', extra: Extra, knockedOut = false, onKnockOut, story, onStory }: Props) {
  const { t } = useTranslation();
  const chosen = c.options.find((o) => o.id === value);
  return (
    <Box component="section" className="criterion" data-criterion={c.code} py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
      <Radio.Group
        name={`${idPrefix}criterion-${c.code}`} value={value ?? NONE} onChange={(v) => onChange(c.code, v === NONE ? undefined : v)}
        label={<Group gap={8} wrap="nowrap" align="baseline"><Text span fw={700} ff="monospace">{c.code}</Text><Text span fw={600}>{c.name}</Text></Group>}
        description={
          <Stack gap={2} mt={2} component="span">
            <Text span size="xs" c="dark.4">{t('sheet.maxPoints', { n: c.max })}{chosen ? ` · ${t('sheet.points', { n: chosen.points })}` : ''}</Text>
          </Stack>
        }
      >
        <Stack gap={4} mb={6}>
          <Remark label={t('sheet.requirement')} text={c.requirement} />
          {c.description && <Text size="sm" c="dark.5">{c.description}</Text>}
          <Remark label={t('sheet.appliesOnlyWhen')} text={c.appliesOnlyWhen} />
          <Remark label={t('sheet.notEvaluatedWhen')} text={c.notEvaluatedWhen} />
          <Remark label={t('sheet.knockOut')} text={c.knockOut} color="red.8" />
          <Remark label={t('sheet.note')} text={c.note} />
        </Stack>
        <Stack gap={6}>
          {c.options.map((o) => (
            <Radio key={o.id} value={o.id} id={`${idPrefix}opt-${o.id}`} disabled={readOnly}
              label={
                <Group gap={6} wrap="nowrap" align="flex-start" justify="space-between" preventGrowOverflow={false}>
                  <Text span size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{o.label || o.id}</Text>
                  <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                    {o.minStar && <MinStarBadge star={o.minStar} />}
                    <Text span size="sm" fw={700} style={{ whiteSpace: 'nowrap' }}>{t('sheet.points', { n: o.points })}</Text>
                  </Group>
                </Group>
              }
              // The option's words wrap (min-width 0) and the points keep their width: nothing pushed off a 360 px screen.
              styles={{ body: { alignItems: 'flex-start' }, labelWrapper: { flex: 1, minWidth: 0 } }} />
          ))}
          {c.zeroIfNoOptionApplies && <Radio value={NONE} id={`${idPrefix}opt-${c.code}-none`} disabled={readOnly} label={<Text span size="sm" c="dark.4">{t('sheet.none')}</Text>} />}
        </Stack>
      </Radio.Group>
      <KnockOutTick c={c} checked={knockedOut} readOnly={readOnly} onChange={onKnockOut} idPrefix={idPrefix} />
      {story && <StoryQuestion c={c} story={story} readOnly={readOnly} onStory={onStory} idPrefix={idPrefix} />}
      {Extra && <Extra code={c.code} />}
    </Box>
  );
});
