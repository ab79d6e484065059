import { chineseOrdinal, displayDate } from './format';
import { SIZE, type Cell } from './sheet';
import { BODY_LINE, body, closing, footers, minutesSheet } from './notices';

/**
 * 企业问题交办会会议纪要: the joint-session minutes' engine and layout (heading, attendance table, signature, page
 * footers), with each problem's assignment in place of a filing's decisions.
 */
export interface AssignmentMinutesData {
  title: string;
  date: string;
  time: string;
  place: string;
  host: string;
  attendance: { department: string; people: string }[];
  problems: {
    problemNo: string;
    title: string;
    firmName: string;
    category: string;
    /** Empty when the problem was not assigned at this meeting (deferred). */
    lead: string;
    cooperating: string;
    grade: string;
    dueDate: string;
    opinion: string;
  }[];
  issuer: string;
  issueDate: string;
}

export async function renderAssignmentMinutes(d: AssignmentMinutesData): Promise<Uint8Array> {
  const sheet = await minutesSheet({ ...d, attendance: d.attendance.map((a) => [a.department, a.people]) });
  const assigned = d.problems.filter((p) => p.lead).length;
  sheet.paragraph(`会议研究了以下${d.problems.length}个企业问题，交办${assigned}个。现纪要如下：`, body);
  d.problems.forEach((p, n) => {
    sheet.gap(4);
    sheet.ensure(BODY_LINE * 4);
    sheet.paragraph(`${chineseOrdinal(n + 1)}、${p.title}（${p.problemNo}）`, { weight: 'bold', lineHeight: BODY_LINE });
    sheet.paragraph(`企业：${p.firmName}；类别：${p.category}`, body);
    const last = n === d.problems.length - 1;
    if (!p.lead) {
      const text = '本次会议未交办，另行研究。';
      if (last) closing(sheet, text, d.issuer, d.issueDate);
      else sheet.paragraph(text, body);
      return;
    }
    // Label and value side by side, as the attendance table: long lists of co-units wrap inside their own cell.
    const row = (label: string, value: string): Cell[] => [{ text: label, weight: 'bold', align: 'center' }, { text: value }];
    sheet.table(
      [40, 116],
      [row('牵头单位', p.lead), row('配合单位', p.cooperating || '无'), row('分级', p.grade), row('限期', displayDate(p.dueDate))],
      { size: SIZE.cell },
    );
    const opinion = `下步工作意见：${p.opinion}`;
    if (last) closing(sheet, opinion, d.issuer, d.issueDate);
    else sheet.paragraph(opinion, { ...body, before: 4 });
  });
  if (d.problems.length === 0) closing(sheet, '本次会议未研究企业问题。', d.issuer, d.issueDate);
  footers(sheet, d.title, [0]);
  return sheet.save();
}
