// Today's calendar date in Việt Nam (yyyy-mm-dd), whatever the device's time zone: the default of decision dates.
export const vnToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
