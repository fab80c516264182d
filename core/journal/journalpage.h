#pragma once

#include "journalcursor.h"

#include <QList>

#include <optional>

namespace vigil
{

// One page of a newest-first journal listing; `next` is set when older rows remain.
template<typename Row>
struct JournalPage {
    QList<Row> rows;
    std::optional<JournalCursor> next;
};

} // namespace vigil
