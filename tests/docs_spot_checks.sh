#!/bin/sh
# Spot checks of the committed docs (output/http_status.{en,zh,ru}.md and
# the JSON): phrases a native and RFC review corrected are there, and the
# wrong ones they replaced do not come back.
#
#   docs_spot_checks.sh SOURCE_DIR
set -u
out=$1/output
en=$out/http_status.en.md zh=$out/http_status.zh.md ru=$out/http_status.ru.md
json=$out/http_status.json
failures=0
checks=0
work=$(mktemp -d "${TMPDIR:-/tmp}/statusgen-spot.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT

# section FILE CODE: the section of one code ("### CODE ..." up to the next
# heading) into $work/section.
section() {
  awk -v h="### $2 " 'index($0, h) == 1 { p = 1; print; next }
                      /^##/ { p = 0 } p' "$1" >"$work/section"
  [ -s "$work/section" ] || {
    echo "FAIL: no section for $2 in $(basename "$1")"
    failures=$((failures + 1))
  }
}

# description FILE CODE: the code's description (the paragraph after its
# heading) into $work/desc.
description() {
  section "$1" "$2"
  sed -n 3p "$work/section" >"$work/desc"
}

# has FILE TEXT / lacks FILE TEXT: fixed strings (Markdown escapes _).
has() {
  checks=$((checks + 1))
  grep -qF -- "$2" "$1" || {
    echo "FAIL: $(basename "$1") lacks: $2"
    failures=$((failures + 1))
  }
}
lacks() {
  checks=$((checks + 1))
  ! grep -qF -- "$2" "$1" || {
    echo "FAIL: $(basename "$1") still says: $2"
    grep -nF -- "$2" "$1" | cut -c1-200 | sed 's/^/  | /' | head -3
    failures=$((failures + 1))
  }
}

# --- ru ---------------------------------------------------------------
# origin server is сервер-источник, in every case form
for wrong in "сходный сервер" "сходного сервера" "сходному серверу" \
             "сходном сервере" "сходными серверами" "сходных серверов"; do
  lacks "$ru" "$wrong"
done
has "$ru" "Сервер-источник"
has "$ru" "сервера-источника"
section "$ru" 418
has "$work/section" "Не предназначен для реальных приложений."
lacks "$ru" "В реальных приложениях не используется"
section "$ru" 406
has "$work/section" "несовпадением медиатипа в Accept"
section "$ru" 205
has "$work/section" "отображение документа"
section "$ru" 303
has "$work/section" "адрес целевого ресурса"
has "$work/section" "POST/перенаправление/GET"
section "$ru" 416
has "$work/section" "с текущим размером выбранного представления"
lacks "$ru" "текущим объёмом"
for wrong in "captive portal" "POST/redirect/GET" "редирект" "Unassigned" \
             "устаревший RFC 2617" "По умолчанию кэшируется." \
             "(432-450)"; do
  lacks "$ru" "$wrong"
done
has "$ru" "(432–450)"
section "$ru" 401
has "$work/section" "показать пользователю приложенное представление"
section "$ru" 410
has "$work/section" "внешние ссылки на него удалили"
section "$ru" 206
has "$work/section" "не должен сохранять ответ 206"

# --- zh ---------------------------------------------------------------
section "$zh" 416
has "$work/section" "当前长度"
lacks "$work/section" "当前范围"
description "$zh" 305
lacks "$work/desc" "已被弃用"
has "$work/desc" "已弃用，原因是"
section "$zh" 511
lacks "$work/section" "captive portal"
section "$zh" 401
has "$work/section" "诊断信息"
section "$zh" 206
has "$work/section" "不得存储 206 响应"
# generated lists are joined with the enumeration comma
has "$zh" "旧名称：\`HTTP_STATUS_PAYLOAD_TOO_LARGE\`、\`HTTP_STATUS_REQUEST_ENTITY_TOO_LARGE\`"
has "$zh" "| NO\\_BODY、CACHEABLE |"
has "$zh" "来源：src0、src1、src2、src3、src4、iana"
lacks "$zh" "\`, \`"
grep -E '^- (来源|特性|旧原因短语)：' "$zh" >"$work/lists"
lacks "$work/lists" ", "

# --- en and JSON ------------------------------------------------------
section "$en" 422
has "$work/section" "until Python 3.13, which has HTTPStatus.UNPROCESSABLE\\_CONTENT"
lacks "$en" "Python's http module still use"
has "$en" "cached only when explicit cache controls allow it"
lacks "$en" "cached only when they carry explicit freshness information"
section "$en" 401
has "$work/section" "should present the enclosed representation to the user"
section "$en" 410
has "$work/section" "assists web maintenance"
section "$en" 206
has "$work/section" "must not store a 206 response"
has "$en" "| NO\\_BODY, CACHEABLE |"
has "$json" "lacks 103, 104, 208, 226, 308, 418, 428, 429, 431, 451, 508 and 511"

# --- class headings: ranges with each language's dash, one code alone ---
has "$en" "## Informational (100–199)"
has "$ru" "(100–199)"
has "$zh" "（100～199）"
grpc=$out/grpc_status
has "$grpc.en.md" "## Success (0)"
has "$grpc.en.md" "## Failure (1–16)"
has "$grpc.ru.md" "## Успех (0)"
has "$grpc.zh.md" "## 成功（0）"
lacks "$grpc.en.md" "(0-0)"

if [ "$failures" -ne 0 ]; then
  echo "$failures of $checks checks failed"
  exit 1
fi
echo "$checks checks passed"
