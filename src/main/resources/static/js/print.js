// A button marked data-print prints the page (a term sheet); the print style sheet leaves out menus and forms.
document.querySelectorAll('[data-print]').forEach(button => button.addEventListener('click', () => window.print()));
