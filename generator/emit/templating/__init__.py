"""Templates: the Jinja environment (user templates before built-in ones), the render of a whole package, and the generated reference of docs/templates.md."""
