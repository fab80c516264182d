#pragma once

#include "tagchange.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <vector>

namespace vigil
{

class TagTable;

// Collects the tags changed since the last UI update and publishes their latest state at most
// once per interval (50 ms: 20 Hz), so the GUI thread sees one compact change set per frame
// instead of every sample. Lives on the core thread with the TagTable it reads.
class UiChangeCoalescer : public QObject
{
    Q_OBJECT
public:
    explicit UiChangeCoalescer(const TagTable &table, int intervalMs = 50,
                               QObject *parent = nullptr);

    int intervalMs() const { return m_intervalMs; }
    bool hasPending() const { return !m_dirtyList.empty(); }

public slots:
    void onChanged(const vigil::ChangeSet &changes);
    // Publishes the pending changes now (if any).
    void flush();

signals:
    void updated(const vigil::ChangeSet &changes);

private:
    const TagTable &m_table;
    const int m_intervalMs;
    std::vector<quint8> m_dirty;
    std::vector<quint32> m_dirtyList;
    QTimer m_timer;
    QElapsedTimer m_sinceLastEmit;
};

} // namespace vigil
