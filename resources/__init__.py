"""Plain files shipped with Torch Playground: presets, icons, style sheets."""
