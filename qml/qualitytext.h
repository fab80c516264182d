#pragma once

#include "tags/quality.h"

#include <QString>

namespace vigil
{

// What an operator reads about a value's quality, in the UI language. Core's qualityName() and
// qualityMark() are fixed English identifiers for logs, exports and files; the views show these.
class QualityText
{
public:
    // "Good", "Uncertain: stale", "Bad: communication error", ...
    static QString name(Quality q);
    // The mark next to a value when colour is not available: "" (good), "?" (uncertain or
    // stale: a symbol, the same in every language), else a short word such as "COMM".
    static QString mark(Quality q);
};

} // namespace vigil
