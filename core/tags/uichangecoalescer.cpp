#include "uichangecoalescer.h"

#include "tagtable.h"

namespace vigil
{

UiChangeCoalescer::UiChangeCoalescer(const TagTable &table, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_table(table)
    , m_intervalMs(intervalMs)
    , m_dirty(table.size(), 0)
    , m_timer(this)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &UiChangeCoalescer::flush);
}

void UiChangeCoalescer::onChanged(const ChangeSet &changes)
{
    for (const TagChange &c : changes) {
        if (c.tag < m_dirty.size() && !m_dirty[c.tag]) {
            m_dirty[c.tag] = 1;
            m_dirtyList.push_back(c.tag);
        }
    }
    if (m_dirtyList.empty() || m_timer.isActive())
        return;
    qint64 wait = 0;
    if (m_sinceLastEmit.isValid())
        wait = std::max<qint64>(0, m_intervalMs - m_sinceLastEmit.elapsed());
    m_timer.start(int(wait));
}

void UiChangeCoalescer::flush()
{
    m_timer.stop();
    if (m_dirtyList.empty())
        return;
    ChangeSet out;
    out.reserve(qsizetype(m_dirtyList.size()));
    for (quint32 tag : m_dirtyList) {
        m_dirty[tag] = 0;
        out.append(m_table.current(tag));
    }
    m_dirtyList.clear();
    m_sinceLastEmit.start();
    emit updated(out);
}

} // namespace vigil
