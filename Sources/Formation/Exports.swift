/// The DSL builds `Template` values (`Value`, `Resource`); blueprints use them directly.
@_exported import Template
