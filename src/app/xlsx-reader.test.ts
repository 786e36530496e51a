// The streaming workbook reader on its own (no server): cell values as exceljs gave them, and nasty files refused
// by the counted inflate, the row, column and cell caps, and the zip checks.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { AppError } from './errors.js';
import { HEADER_ROWS, MAX_CELL_CHARS, isDateFormat, readXlsx, type XlsxLimits } from './xlsx-reader.js';
import { bombWorkbook, entry, inlineRow, SHEET_HEAD, SHEET_TAIL, workbookZip, zip } from './xlsx.fixtures.js';

const LIMITS: XlsxLimits = { maxInflatedBytes: 50 * 1024 * 1024, maxRows: 20_000, maxColumns: 100 };

async function refused(bytes: Buffer, code: string, limits = LIMITS) {
  await assert.rejects(readXlsx(bytes, limits), (err: unknown) => {
    assert.ok(err instanceof AppError, String(err));
    assert.equal(err.code, code, err.message);
    assert.ok(err.text.vi && err.text.en);
    return true;
  });
}

describe('values', () => {
  test('text, numbers, dates, booleans, rich text, hyperlinks and formula results read as exceljs flattened them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Chủ thể');
    ws.addRow(['Số ĐKKD', 'Tên', 'Ngày', 'Số', 'Có', 'Giàu', 'Liên kết', 'Công thức', 'Chuỗi công thức']);
    ws.addRow([
      '0100109106', 'HTX Mật ong <bạc hà> & "Mèo Vạc"', new Date(Date.UTC(2019, 2, 15)), 12.5, true,
      { richText: [{ text: 'Chè ', font: { bold: true } }, { text: 'Shan tuyết' }] },
      { text: 'htx@ocop.vn', hyperlink: 'mailto:htx@ocop.vn' },
      { formula: 'D2*2', result: 25 }, { formula: 'A2&""', result: '0100109106' },
    ]);
    ws.getCell('C2').numFmt = 'dd/mm/yyyy';
    ws.addRow([]);
    ws.getCell('A5').value = 'sau dòng trống';
    wb.addWorksheet('Trang 2').addRow(['x']);
    const sheets = await readXlsx(Buffer.from(await wb.xlsx.writeBuffer()), LIMITS);
    assert.deepEqual(sheets.map((s) => s.name), ['Chủ thể', 'Trang 2']);
    const [header, row, last] = sheets[0].rows;
    assert.equal(header.row, 1);
    assert.equal(header.cells[8], 'Chuỗi công thức');
    assert.deepEqual(row.cells, ['0100109106', 'HTX Mật ong <bạc hà> & "Mèo Vạc"', new Date(Date.UTC(2019, 2, 15)), 12.5, true, 'Chè Shan tuyết', 'htx@ocop.vn', 25, '0100109106']);
    assert.deepEqual(last, { row: 5, cells: ['sau dòng trống'] }, 'empty rows are left out, row numbers kept');
    assert.equal((await readXlsx(Buffer.from(await wb.xlsx.writeBuffer()), { ...LIMITS, maxSheets: 1 })).length, 1);
  });

  test('date formats are told from number formats', () => {
    for (const [id, code] of [[14, undefined], [22, undefined], [164, 'dd/mm/yyyy'], [165, '[$-42A]d mmmm yyyy'], [166, '[h]:mm']] as const) assert.ok(isDateFormat(id, code), `${id} ${code}`);
    for (const [id, code] of [[0, undefined], [2, undefined], [164, '#,##0 "đồng"'], [165, '[Red]0.00'], [166, '0.00E+00'], [167, '"ngày" 0']] as const) assert.ok(!isDateFormat(id, code), `${id} ${code}`);
  });

  test('inline strings with rich runs, XML escapes and CDATA-free text keep their characters', async () => {
    const sheet = `${SHEET_HEAD}<row r="2"><c r="B2" t="inlineStr"><is><r><t>Mật </t></r><r><t xml:space="preserve">ong &amp; &#8220;chè&#8221;</t></r></is></c></row>${SHEET_TAIL}`;
    const [s] = await readXlsx(workbookZip(entry('', sheet)), LIMITS);
    assert.deepEqual(s.rows, [{ row: 2, cells: [null, 'Mật ong & “chè”'] }]);
  });
});

describe('nasty files', () => {
  test('a zip bomb: the sheet declares 4 KB and inflates to 120 MB; refused at the 50 MB budget', async () => {
    const { bytes, inflated } = await bombWorkbook(120 * 1024 * 1024);
    assert.ok(bytes.length < 1024 * 1024 && inflated > 100 * 1024 * 1024, `${bytes.length} bytes inflating to ${inflated}`);
    await refused(bytes, 'workbook_too_large');
  });

  test('an honest sheet (true sizes declared) beyond the budget is refused the same way', async () => {
    const { bytes } = await bombWorkbook(3 * 1024 * 1024, 3 * 1024 * 1024);
    await refused(bytes, 'workbook_too_large', { ...LIMITS, maxInflatedBytes: 1024 * 1024 });
  });

  test('too many rows: refused at the first row over the cap', async () => {
    const rows = Array.from({ length: 20_000 + HEADER_ROWS + 1 }, (_, i) => inlineRow(i + 1, ['x', String(i)])).join('');
    await refused(workbookZip(entry('', SHEET_HEAD + rows + SHEET_TAIL)), 'too_many_rows');
    const fewer = Array.from({ length: 20_000 + HEADER_ROWS }, (_, i) => inlineRow(i + 1, ['x'])).join('');
    const [s] = await readXlsx(workbookZip(entry('', SHEET_HEAD + fewer + SHEET_TAIL)), LIMITS);
    assert.equal(s.rows.length, 20_000 + HEADER_ROWS);
  });

  test('a value beyond column 100, and a cell longer than Excel allows, are refused', async () => {
    await refused(workbookZip(entry('', `${SHEET_HEAD}<row r="1"><c r="CW1" t="inlineStr"><is><t>x</t></is></c></row>${SHEET_TAIL}`)), 'too_many_columns');
    const ok = await readXlsx(workbookZip(entry('', `${SHEET_HEAD}<row r="1"><c r="CV1" t="inlineStr"><is><t>x</t></is></c><c r="ZZ1" s="1"/></row>${SHEET_TAIL}`)), LIMITS);
    assert.equal(ok[0].rows[0].cells.length, 100, 'column 100 is read; an empty styled cell further right is ignored');
    await refused(workbookZip(entry('', `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>${'a'.repeat(MAX_CELL_CHARS + 1)}</t></is></c></row>${SHEET_TAIL}`)), 'cell_too_long');
    const sst = entry('', `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${'đ'.repeat(MAX_CELL_CHARS + 1)}</t></si></sst>`);
    await refused(workbookZip(entry('', `${SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${SHEET_TAIL}`), sst), 'cell_too_long');
  });

  test('not a workbook: a PDF, a CSV, an empty file, a .docx renamed .xlsx', async () => {
    await refused(Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'), 'not_xlsx');
    await refused(Buffer.from('Số ĐKKD,Tên chủ thể\n' + '123,HTX\n'.repeat(30_000)), 'not_xlsx');
    await refused(Buffer.alloc(0), 'not_xlsx');
    await refused(zip([entry('[Content_Types].xml', '<Types/>'), entry('word/document.xml', '<w:document/>')]), 'not_xlsx');
  });

  test('damaged: a truncated zip, a directory pointing past the end, malformed XML, an entity declaration', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A').addRow(['x']);
    const real = Buffer.from(await wb.xlsx.writeBuffer());
    for (const cut of [0.3, 0.8, 0.99]) await refused(real.subarray(0, Math.floor(real.length * cut)), 'xlsx_unreadable');
    const lying = workbookZip(entry('', `${SHEET_HEAD}${SHEET_TAIL}`));
    lying.writeUInt32LE(0x7fffffff, lying.length - 22 - 46 - 'xl/worksheets/sheet1.xml'.length + 20); // the sheet's compressed size
    await refused(lying, 'xlsx_unreadable');
    await refused(workbookZip(entry('', `${SHEET_HEAD}<row r="1"><c><v>1</c></row>${SHEET_TAIL}`)), 'xlsx_unreadable');
    const laughs = `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>`;
    await refused(workbookZip(entry('', laughs)), 'xlsx_unreadable');
  });

  test('a stored (uncompressed) entry counts against the budget too', async () => {
    const big = Buffer.from(SHEET_HEAD + '<row r="1">' + '<c/>'.repeat(300_000) + '</row>' + SHEET_TAIL);
    await refused(workbookZip({ name: '', data: big, method: 0, declaredSize: 10 }), 'workbook_too_large', { ...LIMITS, maxInflatedBytes: 1024 * 1024 });
  });
});
