/* model_schema.h - describe a loaded model: its attributes, behaviors and
 * segments with their types and where their values come from. */
#ifndef CASC_MODEL_SCHEMA_H
#define CASC_MODEL_SCHEMA_H

#include "model.h"
#include "strbuf.h"

/* Aligned columns for a terminal. */
void casc_model_schema_text(const casc_parent_model *m, casc_strbuf *out);
/* One JSON object, indented, ending with a newline. */
void casc_model_schema_json(const casc_parent_model *m, casc_strbuf *out);

#endif
