#pragma once

#include <QtGlobal>

#include <limits>

namespace vigil
{

// Where the next page of a newest-first journal listing starts (keyset pagination): the rows
// strictly older than this one in the order (time, origin, id) descending. Rows written after
// the first page was read never shift the later pages, and no row is read twice or skipped.
struct JournalCursor {
    // Which table a row comes from; at equal times alarm transitions sort before system events.
    enum class Origin : quint8 {
        Event = 0,
        Alarm = 1,
    };

    qint64 timeMs = 0;
    qint64 id = 0;
    Origin origin = Origin::Alarm;

    // The exclusive upper bound of `id` among the rows of `table` at `timeMs` exactly.
    qint64 idBoundFor(Origin table) const
    {
        if (table == origin)
            return id;
        // Rows of the other table at the same time sort either all before or all after.
        return table < origin ? std::numeric_limits<qint64>::max()
                              : std::numeric_limits<qint64>::min();
    }

    bool operator==(const JournalCursor &) const = default;
};

} // namespace vigil
