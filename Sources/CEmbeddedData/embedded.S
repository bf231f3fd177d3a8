/*
 * The data files compiled into every executable that links Formation, so that an installed
 * `formation` is one file with nothing to look up at run time.
 *
 * FORMATION_EMBEDDED_FILES is the one list of them: a symbol, the name Swift asks for
 * (`EmbeddedData.contents(of:)`), and the path relative to Sources/ (the target adds Sources/ to
 * the include path, which is where `.incbin` looks). The build does not see `.incbin`
 * dependencies: EmbeddedDataTests fails when an edited data file was not rebuilt into the
 * binary (touch this file, or `swift build` from clean).
 *
 * The table after the data holds offsets relative to itself, not addresses, so it needs no
 * relocation and stays in read-only memory.
 */
#define FORMATION_EMBEDDED_FILES(FILE)                                                         \
  FILE(iam_actions, "iam-actions.tsv", "Semantics/Data/iam-actions.tsv")                         \
  FILE(replacement, "replacement.tsv", "TemplateDiff/Data/replacement.tsv")                     \
  FILE(resource_schemas, "resource-schemas.txt", "Schemas/Data/resource-schemas.txt")

#if defined(__APPLE__)
#define SYMBOL(name) _##name
#define READ_ONLY .const
#define SEPARATOR %%
#else
#define SYMBOL(name) name
#define READ_ONLY .section .rodata.formation_embedded, "a"
#define SEPARATOR ;
#endif

#define EMIT_DATA(symbol, name, path)                                                          \
  .balign 16 SEPARATOR                                                                         \
  symbol##_start: .incbin path SEPARATOR                                                       \
  symbol##_end: .byte 0 SEPARATOR                                                              \
  symbol##_name: .asciz name SEPARATOR

#define EMIT_ENTRY(symbol, name, path)                                                         \
  .quad symbol##_name - SYMBOL(formation_embedded_table) SEPARATOR                               \
  .quad symbol##_start - SYMBOL(formation_embedded_table) SEPARATOR                              \
  .quad symbol##_end - symbol##_start SEPARATOR

#define COUNT(symbol, name, path) + 1

  READ_ONLY
  FORMATION_EMBEDDED_FILES(EMIT_DATA)

  .balign 8
  .globl SYMBOL(formation_embedded_count)
SYMBOL(formation_embedded_count):
  .quad 0 FORMATION_EMBEDDED_FILES(COUNT)
  .globl SYMBOL(formation_embedded_table)
SYMBOL(formation_embedded_table):
  FORMATION_EMBEDDED_FILES(EMIT_ENTRY)

#if defined(__ELF__)
  .section .note.GNU-stack, "", %progbits
#endif
