// The libraries only a few requests need (spreadsheets, PDFs, QR codes, mail), loaded the first time one is used
// instead of at start-up. Loaded eagerly they were 0.4 s of the 1.45 s it took to load the compiled server's modules,
// paid by every start of the server and of the CLI, and (more through tsx) by every test file. Node keeps a module
// once loaded: later calls cost a resolved promise; the first request that needs one pays its load.
export const loadExcelJS = async () => (await import('exceljs')).default;
export const loadPdfKit = async () => (await import('pdfkit')).default;
export const loadQRCode = async () => (await import('qrcode')).default;
export const loadNodemailer = async () => (await import('nodemailer')).default;
