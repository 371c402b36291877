#!/bin/sh
# Declared fields end to end, as a user would check them: writes a spec
# with an int, an enum and a text field (and a registry without wire
# phrases), generates C, JSON and docs, and reads the values back through
# a compiled C program, Python's json module and the Markdown.
#
#   run.sh STATUSGEN CC PYTHON WORKDIR
set -eu
sg=$1 cc=$2 py=$3 work=$4
rm -rf "$work"
mkdir -p "$work"
cd "$work"

cat >spec.yaml <<'EOF'
statusgen: 1
registry:
  name: parcel
  macro: PARCEL
  range: [1, 99]
  languages: [en, de]
  phrases: false
fields:
  - name: weight
    type: int
    doc: {en: "Grams the parcel may weigh.", de: "Gramm, die das Paket wiegen darf."}
  - name: speed
    type: enum
    values: [SLOW, FAST, NEXT_DAY]
    default: SLOW
  - name: label
    type: text
    doc: "What the sticker says."
    default: {en: "Standard", de: "Standard"}
codes:
  - code: 1
    name: LETTER
    description: {en: "A letter.", de: "Ein Brief."}
    weight: 20
    speed: FAST
    label: {en: "Letter", de: "Brief"}
  - code: 7
    name: BOX
    phrase: Box
    description: {en: "A box."}
    weight: 31500
    label: {en: "Heavy box"}
  - code: 9
    name: EXPRESS
    description: {en: "Overnight."}
    speed: NEXT_DAY
EOF

"$sg" --emit header,source,docs,json -o gen spec.yaml

# C: the accessors, the enum, the X-macro, reason() without phrases
cat >main.c <<'EOF'
#include "parcel.h"

#include <stdio.h>
#include <string.h>

static int failures;

#define CHECK(cond)                                                   \
    do {                                                              \
        if (!(cond)) {                                                \
            fprintf(stderr, "main.c:%d: %s\n", __LINE__, #cond);      \
            failures++;                                               \
        }                                                             \
    } while (0)

#define SUM(name, code, grams) +grams

int main(void)
{
    CHECK(parcel_weight(1) == 20);
    CHECK(parcel_weight(7) == 31500);
    CHECK(parcel_weight(9) == -1);        /* no value, no default */
    CHECK(parcel_weight(50) == -1);       /* not a code */
    CHECK(parcel_speed(1) == PARCEL_SPEED_FAST);
    CHECK(parcel_speed(7) == PARCEL_SPEED_SLOW); /* the default */
    CHECK(parcel_speed(9) == PARCEL_SPEED_NEXT_DAY);
    CHECK(parcel_speed(-3) == PARCEL_SPEED_SLOW);
    CHECK(PARCEL_SPEED_SLOW == 0 && PARCEL_SPEED_NEXT_DAY == 2);
    CHECK(strcmp(parcel_label(1, "de_DE.UTF-8"), "Brief") == 0);
    CHECK(strcmp(parcel_label(1, NULL), "Letter") == 0);
    CHECK(strcmp(parcel_label(7, "de"), "Heavy box") == 0); /* fallback */
    CHECK(strcmp(parcel_label(9, "de"), "Standard") == 0);
    CHECK(strcmp(parcel_label(42, "en"), "Standard") == 0);
    CHECK(0 PARCEL_WEIGHT_LIST(SUM) == 31520);
    /* phrases: false: the phrase, else the description, else the name */
    CHECK(strcmp(parcel_reason(7), "Box") == 0);
    CHECK(strcmp(parcel_reason(1), "A letter.") == 0);
    CHECK(parcel_reason(2) == NULL);
    if (failures == 0)
        puts("fields read back through C");
    return failures != 0;
}
EOF
"$cc" -std=c99 -Wall -Wextra -Wpedantic -Werror -Igen -o main main.c \
  gen/parcel.c
./main
if grep -q "from_reason" gen/parcel.h gen/parcel.c; then
  echo "FAIL: a registry without phrases declares from_reason()" >&2
  exit 1
fi
# A field's constant that is already a macro stops the build by name.
printf '#define PARCEL_SPEED_FAST 1\n#include "parcel.h"\n' >clash.c
if "$cc" -std=c99 -Igen -c clash.c -o clash.o 2>clash.err; then
  echo "FAIL: a macro named like an enum field's value did not stop the build" >&2
  exit 1
fi
grep -q "a field's name in parcel.h is already a macro" clash.err || {
  echo "FAIL: no #error for the field's clashing name:" >&2
  cat clash.err >&2
  exit 1
}

# JSON, with Python's json module
"$py" - gen/parcel.json <<'EOF'
import json
import sys

doc = json.load(open(sys.argv[1], encoding="utf-8"))
fields = {f["name"]: f for f in doc["fields"]}
assert [f["name"] for f in doc["fields"]] == ["weight", "speed", "label"]
assert fields["weight"]["type"] == "int" and fields["weight"]["default"] is None
assert fields["weight"]["doc"]["de"] == "Gramm, die das Paket wiegen darf."
assert fields["speed"]["values"] == ["SLOW", "FAST", "NEXT_DAY"]
assert fields["speed"]["default"] == "SLOW"
assert fields["label"]["default"] == {"en": "Standard", "de": "Standard"}
assert doc["registry"]["phrases"] is False
codes = {c["code"]: c for c in doc["codes"]}
assert codes[1]["fields"] == {"weight": 20, "speed": "FAST",
                              "label": {"en": "Letter", "de": "Brief"}}
assert codes[7]["fields"] == {"weight": 31500, "speed": "SLOW",
                              "label": {"en": "Heavy box"}}
assert codes[9]["fields"]["weight"] is None
assert codes[9]["fields"]["speed"] == "NEXT_DAY"
assert codes[1]["phrase"] is None and codes[7]["phrase"] == "Box"
print("fields read back through JSON")
EOF

# Docs: the field list with its docs, and a line per field per code
grep -qF -- '- `parcel_weight()` (int): Gramm, die das Paket wiegen darf.' \
  gen/parcel.de.md
grep -qF -- '- `parcel_speed()` (enum: `SLOW`, `FAST`, `NEXT_DAY`, default `SLOW`)' \
  gen/parcel.en.md
grep -qF -- '- `label`: Brief' gen/parcel.de.md
grep -qF -- '- `label`: Heavy box' gen/parcel.de.md
grep -qF -- '- `weight`: 31500' gen/parcel.en.md
grep -qF -- '### 1 LETTER' gen/parcel.en.md
grep -qF -- '### 7 Box' gen/parcel.en.md
echo "fields read back through the docs"
