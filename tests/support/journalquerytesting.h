#pragma once

// Waiting for JournalQueryService answers in tests: the result, or the message of the
// JournalQueryError the future failed with.

#include "journal/journalqueryservice.h"

#include <QFuture>

namespace vigil::testing
{

template<typename T>
T await(QFuture<T> future)
{
    future.waitForFinished();
    return future.result();
}

// The message of the JournalQueryError a future failed with, or "" if it did not fail.
template<typename T>
QString failure(QFuture<T> future)
{
    try {
        future.waitForFinished();
        future.result();
    } catch (const JournalQueryError &e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

} // namespace vigil::testing
