// The bulletin page's print button: the browser's print dialog, with the page's A4 print styles.
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.addEventListener('click', function () { window.print(); });
});
