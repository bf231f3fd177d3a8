#include "CEmbeddedData.h"

#include <stdint.h>
#include <string.h>

/// One row of the table `embedded.S` writes: offsets from the table's first byte.
struct formation_embedded_entry {
  int64_t name;
  int64_t start;
  int64_t length;
};

extern const int64_t formation_embedded_count;
extern const struct formation_embedded_entry formation_embedded_table[];

const unsigned char *formation_embedded_file(const char *name, size_t *length) {
  const unsigned char *base = (const unsigned char *)formation_embedded_table;
  for (int64_t index = 0; index < formation_embedded_count; index++) {
    const struct formation_embedded_entry *entry = &formation_embedded_table[index];
    if (strcmp((const char *)(base + entry->name), name) == 0) {
      *length = (size_t)entry->length;
      return base + entry->start;
    }
  }
  *length = 0;
  return NULL;
}

size_t formation_embedded_file_count(void) { return (size_t)formation_embedded_count; }

const char *formation_embedded_file_name(size_t index) {
  if ((int64_t)index >= formation_embedded_count) return NULL;
  const unsigned char *base = (const unsigned char *)formation_embedded_table;
  return (const char *)(base + formation_embedded_table[index].name);
}
