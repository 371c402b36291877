/*
 * dump_cxx.cpp - the C++ dumper of the agreement test (AGREE.md): reads
 * the queries on standard input and prints, for each, the query, a TAB
 * and what the generated C++ header answers, in the C dumper's format.
 *
 * Built by dump_cxx.sh against one registry: agree_spec.h (queries.py
 * --c-header) names its prefix and its classes and whether it has
 * from_reason (SG_PHRASES), agree_fields.h (fields_glue.py --cxx) answers
 * its fields by name, SG_HPP names the header, SG_NS its namespace.  Besides answering, it checks the header's overloads for
 * the enum and to_string() against the lookups by int, and stops with
 * status 3 when they differ.  The C++ API has no null: an empty answer
 * (string_view, optional) is the C's NULL or -1.
 */
#include "agree_spec.h"
#include SG_HPP

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reg = SG_NS;

namespace {

/* Undoes a query field's escapes (\\, \t, \n, \xHH). */
std::string unescape(std::string_view s)
{
    std::string out;

    for (std::size_t i = 0; i < s.size(); i++) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            char c = s[i + 1];

            if (c == '\\' || c == 't' || c == 'n') {
                out += c == 't' ? '\t' : c == 'n' ? '\n' : '\\';
                i++;
                continue;
            }
            if (c == 'x' && i + 3 < s.size()) {
                std::string hex(s.substr(i + 2, 2));
                char *end = nullptr;
                long v = std::strtol(hex.c_str(), &end, 16);

                if (end == hex.c_str() + 2) {
                    out += static_cast<char>(v);
                    i += 3;
                    continue;
                }
            }
        }
        out += s[i];
    }
    return out;
}

/* An answer string: null for an empty view, else quoted with escapes. */
void put_str(std::string &out, std::string_view s)
{
    static const char hex[] = "0123456789ABCDEF";

    if (s.empty()) {
        out += "null";
        return;
    }
    out += '"';
    for (char ch : s) {
        unsigned char c = static_cast<unsigned char>(ch);

        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else if (c < 0x20 || c == 0x7f) {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else
            out += ch;
    }
    out += '"';
}

/* A field's string: null for no value, else quoted ("" is a value). */
[[maybe_unused]] void put_opt(std::string &out,
                              std::optional<std::string_view> s)
{
    if (!s)
        out += "null";
    else if (s->empty())
        out += "\"\"";
    else
        put_str(out, *s);
}

[[noreturn]] void inconsistent(const char *what, int n)
{
    std::cerr << "dump_cxx: " << what << " disagrees with the lookup by int "
              << "for " << n << "\n";
    std::exit(3);
}

#include "agree_fields.h"

/* The overloads for the enum, for a known code n. */
void check_enum(int n)
{
    reg::code c = static_cast<reg::code>(n);

    if (reg::reason(c) != reg::reason(n) || reg::name(c) != reg::name(n) ||
        reg::traits(c) != reg::traits(n) ||
        reg::status_of(c) != reg::status_of(n) ||
        reg::reference(c) != reg::reference(n) ||
        reg::class_of(c) != reg::class_of(n) ||
        reg::is_error(c) != reg::is_error(n) ||
        reg::description(c) != reg::description(n))
        inconsistent("an overload for the enum", n);
    if (reg::to_string(c) != std::to_string(n) + " " +
                                 std::string(reg::reason(n)))
        inconsistent("to_string", n);
}

void answer_code(std::string &out, int n)
{
    const char *sep = "";

    out += "known=";
    out += reg::is_known(n) ? "1" : "0";
    out += " reason=";
    put_str(out, reg::reason(n));
    out += " name=";
    put_str(out, reg::name(n));
    out += " class=" + std::to_string(static_cast<int>(reg::class_of(n)));
    out += " traits=" + std::to_string(reg::traits(n));
    out += " status=" + std::to_string(static_cast<int>(reg::status_of(n)));
    out += " reference=";
    put_str(out, reg::reference(n));
    out += " error=";
    out += reg::is_error(n) ? "1" : "0";
    out += " is=";
#define SG_IS_CLASS(k)                                                  \
    out += sep;                                                         \
    out += reg::is_##k(n) ? "1" : "0";                                  \
    sep = ",";
    SG_CLASS_TESTS(SG_IS_CLASS)
#undef SG_IS_CLASS
    static_cast<void>(sep);
    if (reg::is_known(n))
        check_enum(n);
    else if (!reg::to_string(n).empty())
        inconsistent("to_string", n);
}

/* The code as an int, or -1. */
int code_of(std::optional<reg::code> c)
{
    return c ? static_cast<int>(*c) : -1;
}

} // namespace

int main(int argc, char **argv)
{
    std::vector<std::string> classes;
    std::vector<std::string> want(argv + 1, argv + argc);
    std::string line, out;

#define SG_CLASS_NAME(k) classes.push_back(#k);
    SG_CLASS_TESTS(SG_CLASS_NAME)
#undef SG_CLASS_NAME
    if (classes != want) {
        std::cerr << "dump_cxx: built for other classes than it runs for\n";
        return 2;
    }
    while (std::getline(std::cin, line)) {
        std::size_t tab = line.find('\t');
        std::size_t tab2 =
            tab == std::string::npos ? tab : line.find('\t', tab + 1);
        std::string kind = line.substr(0, tab);
        std::string arg = tab == std::string::npos
                              ? std::string()
                              : unescape(std::string_view(line).substr(
                                    tab + 1, tab2 == std::string::npos
                                                 ? std::string::npos
                                                 : tab2 - tab - 1));

        out += line;
        out += '\t';
        if (kind == "code") {
            answer_code(out, std::atoi(arg.c_str()));
        } else if (kind == "desc" && tab2 != std::string::npos) {
            std::string lang = unescape(std::string_view(line).substr(tab2 + 1));
            int n = std::atoi(arg.c_str());

            put_str(out, lang == "-" ? reg::description(n)
                                     : reg::description(n, lang));
        } else if (kind == "from_name") {
            out += std::to_string(code_of(reg::from_name(arg)));
#if SG_PHRASES
        } else if (kind == "from_reason") {
            out += std::to_string(code_of(reg::from_reason(arg)));
#endif
        } else if (kind == "field" && tab2 != std::string::npos) {
            std::size_t tab3 = line.find('\t', tab2 + 1);
            std::string lang;
            bool has_lang = false;

            if (tab3 != std::string::npos) {
                lang = unescape(std::string_view(line).substr(tab3 + 1));
                has_lang = lang != "-";
            }
            if (!answer_field(out, arg,
                              std::atoi(line.substr(tab2 + 1).c_str()),
                              has_lang ? &lang : nullptr)) {
                std::cerr << "dump_cxx: no field " << arg << "\n";
                return 2;
            }
        } else {
            std::cerr << "dump_cxx: an unknown query: " << line << "\n";
            return 2;
        }
        out += '\n';
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return std::fflush(stdout) == 0 ? 0 : 2;
}
