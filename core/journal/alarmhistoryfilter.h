#pragma once

#include "journalcursor.h"

#include <QList>
#include <QString>

#include <optional>

namespace vigil
{

// What the alarm history page asks for: transitions in [fromMs, toMs] (inclusive, wall-clock ms
// since the epoch), newest first, one page at a time.
struct AlarmHistoryFilter {
    static constexpr int kMaxPageSize = 500;
    static constexpr int kMaxTextLength = 256;

    qint64 fromMs = 0;
    qint64 toMs = 0;
    QList<int> priorities; // 1 low .. 4 critical; empty: every priority
    QString tag;           // substring of the tag id, case-insensitive; empty: every tag
    QString text;          // substring of the message or the comment, case-insensitive
    int pageSize = 100;
    std::optional<JournalCursor> after; // the previous page's `next`; none: the newest page

    // Empty when the filter can be run, else what is wrong with it, for people.
    QString validate() const;
};

} // namespace vigil
