// The libraries only a few requests need (spreadsheets, PDFs, QR codes, mail), loaded the first time one is used
// instead of at start-up. Loaded eagerly they were 0.6 s of the 1.5 s it took to load the server's modules (1,000 of
// their 1,900 files), paid by every start of the server, of the CLI and of every test file. Node keeps each module
// once loaded: later calls cost a resolved promise.
export const loadExcelJS = async () => (await import('exceljs')).default;
export const loadPdfKit = async () => (await import('pdfkit')).default;
export const loadQRCode = async () => (await import('qrcode')).default;
export const loadNodemailer = async () => (await import('nodemailer')).default;
