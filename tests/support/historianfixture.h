#pragma once

// The set-up shared by the historian tests: a fresh directory per test function holding a SQLite
// history, the options a test historian runs with, second connections to its database, and
// waiting for a historian to start. Test classes derive from it next to QObject and call
// initDir() from their init().

#include "history/historian.h"
#include "history/historianoptions.h"
#include "history/historyconnection.h"

#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace vigil::testing
{

class HistorianFixture
{
protected:
    // An hour boundary (2023-11-14T22:00:00Z): rollup buckets start with the test's data.
    static constexpr qint64 kT0 = 1'700'000'000'000 - 1'700'000'000'000 % 3'600'000;

    bool initDir()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        return m_dir->isValid();
    }
    QString historyUrl() const
    {
        return QStringLiteral("sqlite:") + m_dir->filePath(QStringLiteral("history.db"));
    }
    HistorianOptions options(qint64 flushMs = 50) const
    {
        HistorianOptions o;
        o.url = historyUrl();
        o.flushIntervalMs = flushMs;
        o.retryIntervalMs = 100;
        o.config.heartbeatMs = 0;
        return o;
    }
    std::unique_ptr<HistoryConnection>
    connection(HistoryConnection::Role role = HistoryConnection::Role::Reader) const
    {
        auto c = std::make_unique<HistoryConnection>(*HistoryUrl::parse(historyUrl()), role);
        QString error;
        if (!c->open(&error))
            qFatal("second connection to the history: %s", qPrintable(error));
        return c;
    }
    std::unique_ptr<HistoryConnection> readerConnection() const { return connection(); }
    static void startAndWait(Historian &h)
    {
        h.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            h.state() == HistorianState::Recording || h.state() == HistorianState::Degraded, 10000);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

} // namespace vigil::testing
