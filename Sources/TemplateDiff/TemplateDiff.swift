// The TemplateDiff module.
