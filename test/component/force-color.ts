// Imported first by every component test: Ink's chalk decides its colour level
// when it loads, and these tests assert styles (the selected row's inverse).
process.env['FORCE_COLOR'] = '1';
