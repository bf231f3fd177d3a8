#ifndef FORMATION_EMBEDDED_DATA_H
#define FORMATION_EMBEDDED_DATA_H

#include <stddef.h>

/// The bytes of the data file `name` (as listed in `embedded.S`), which are part of the
/// executable; NULL, with `*length` 0, when no file has that name.
const unsigned char *_Nullable formation_embedded_file(const char *_Nonnull name,
                                                       size_t *_Nonnull length);

/// How many data files are compiled in.
size_t formation_embedded_file_count(void);

/// The name of the file at `index` (0 to count - 1), NULL past the end.
const char *_Nullable formation_embedded_file_name(size_t index);

#endif
