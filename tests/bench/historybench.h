#pragma once

#include "history/historian.h"
#include "history/historyconnection.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <algorithm>
#include <vector>

// Helpers shared by bench_history's parts.
namespace historybench
{

constexpr qint64 kT0 = 1'672'531'200'000; // 2023-01-01T00:00:00Z

vigil::HistorianOptions optionsFor(const QString &path, qint64 heartbeatMs = 0);
void startAndWait(vigil::Historian &h);
// Pages in use (not on the free list) times the page size.
qint64 usedBytes(const QString &path);
// One number from a query on a reader connection to the database (-1 on error).
qint64 scalar(const QString &path, const QString &sql);

template<typename F>
double medianMs(int runs, F &&f)
{
    std::vector<double> ms;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer t;
        t.start();
        f();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

// Narrow rows, the usual first design: one row per sample in a WITHOUT ROWID table.
class NarrowTable
{
public:
    explicit NarrowTable(const QString &path);
    void insert(const vigil::ChangeSet &set);
    QSqlDatabase db() const { return m_conn.database(); }

private:
    vigil::HistoryConnection m_conn;
    QSqlQuery m_insert;
};

// The demo plant (resources/demo/plant.toml) as Vigil receives it, through the tag core into a
// historian (vigil-sim's HistoryBackfill): 6 simulated hours from kT0 in `dir`, figures printed.
// (History to browse in the demo: vigil-sim --backfill-history.)
void benchDemoPlant(const QString &dir);

} // namespace historybench
