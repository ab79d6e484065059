import { Alert, Button, Checkbox, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/contract';
import { useReturnFocus } from '../../hooks/use-return-focus';

type Plan = Output<'followup.sweepPreview'>;

/**
 * Domain §9: the desk shows what a sweep will do and asks before it revokes anything. Each revocation is confirmed
 * on its own line; the rest (suspend, terminate, reinstate) run as listed.
 */
export function SweepModal(props: { plan: Plan | null; busy: boolean; onClose(): void; onRun(revoke: number[]): void }) {
  const { plan, busy, onClose, onRun } = props;
  const { t } = useTranslation();
  // Mounted only while a plan is shown (and keyed by it): the opener gets the focus back when it goes away.
  useReturnFocus();
  const [revoke, setRevoke] = useState<number[]>([]);
  const toggle = (id: number, on: boolean) => setRevoke((r) => (on ? [...r, id] : r.filter((x) => x !== id)));
  return (
    <Modal opened={plan !== null} onClose={onClose} title={t('fu.sweep.previewTitle')} size="lg">
      {plan && (
        <Stack gap="sm" data-testid="sweep-preview">
          {plan.actions.length === 0 ? (
            <Text size="sm">{t('fu.sweep.nothing')}</Text>
          ) : (
            <Table withTableBorder>
              <Table.Tbody>
                {plan.actions.map((a) => (
                  <Table.Tr key={`${a.filingId}-${a.action}`} data-testid={`sweep-plan-${a.filingId}`} data-action={a.action}>
                    <Table.Td>{a.filingNo}</Table.Td>
                    <Table.Td>{t(`fu.sweep.action.${a.action}`)}</Table.Td>
                    <Table.Td>{a.overdueSince ? t('fu.sweep.overdueSince', { date: a.overdueSince }) : '—'}</Table.Td>
                    <Table.Td>
                      {a.action === 'revoke' && (
                        <Checkbox
                          label={t('fu.sweep.confirmRevoke')}
                          checked={revoke.includes(a.filingId)}
                          onChange={(e) => toggle(a.filingId, e.currentTarget.checked)}
                          data-testid={`sweep-confirm-${a.filingId}`}
                        />
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {plan.actions.some((a) => a.action === 'revoke') && (
            <Alert color="orange" p="xs">
              {t('fu.sweep.revokeHint')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" data-testid="modal-cancel" onClick={onClose}>
              {t('fu.sweep.cancel')}
            </Button>
            <Button
              color="orange"
              loading={busy}
              onClick={() => onRun(revoke)}
              disabled={plan.actions.length === 0}
              data-testid="sweep-run"
            >
              {t('fu.sweep.confirmRun')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
