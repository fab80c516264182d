#pragma once

#include "journal/journalcursor.h"

#include <QAbstractListModel>
#include <QFuture>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <exception>
#include <optional>
#include <vector>

namespace vigil
{

class Clock;

// What the alarm history and events lists share: a time range (last hour, 24 h, 7 days, or typed
// by the operator), newest-first pages fetched off the GUI thread and appended on demand ("Load
// more"), and the busy / more / error state. A refresh starts again from the newest entry; the
// answer of a superseded query is dropped. Filter edits refresh after a short pause, so typing
// does not query on every key.
class JournalListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("JournalListModel is created by the application")
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    Q_PROPERTY(bool hasMore READ hasMore NOTIFY stateChanged)
    Q_PROPERTY(int count READ count NOTIFY stateChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY stateChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY stateChanged)
    Q_PROPERTY(int rangePreset READ rangePreset NOTIFY rangeChanged)
    Q_PROPERTY(QString rangeText READ rangeText NOTIFY rangeChanged)
    Q_PROPERTY(QString textFilter READ textFilter WRITE setTextFilter NOTIFY filtersChanged)
public:
    enum RangePreset {
        LastHour,
        LastDay,
        LastWeek,
        Custom
    };
    Q_ENUM(RangePreset)

    static constexpr int kPageSize = 100;
    static constexpr int kFilterPauseMs = 300;

    bool busy() const { return m_busy; }
    bool hasMore() const { return m_next.has_value(); }
    int count() const { return rowCount(); }
    QString errorText() const { return m_error; }
    QString statusText() const;
    int rangePreset() const { return m_preset; }
    QString rangeText() const;
    // Free text the operator types; the subclass's query looks for it (trimmed).
    QString textFilter() const { return m_text; }
    void setTextFilter(const QString &text);

    Q_INVOKABLE void setRangePreset(int preset);
    // A range typed by the operator ("2024-01-05 13:00", "-2h", "now"); false (and nothing
    // changes) if either end is unreadable or the range ends before it starts.
    Q_INVOKABLE bool setCustomRange(const QString &from, const QString &to);
    // Reads the newest page again, with the current filters.
    Q_INVOKABLE void refresh();
    // Appends the next (older) page, if there is one and no query is running.
    Q_INVOKABLE void loadMore();

signals:
    void stateChanged();
    void rangeChanged();
    // Any filter changed, the subclasses' own ones included.
    void filtersChanged();

protected:
    JournalListModel(const Clock &clock, QObject *parent);

    // Asks the service for one page; the answer comes back through acceptPage or pageFailed.
    virtual void requestPage(qint64 generation, qint64 fromMs, qint64 toMs,
                             std::optional<JournalCursor> after) = 0;
    // Called between beginResetModel and endResetModel.
    virtual void clearRows() = 0;

    // Whether an answer for `generation` is still wanted.
    bool isCurrent(qint64 generation) const { return generation == m_generation; }
    void pageDone(std::optional<JournalCursor> next);
    void pageFailed(qint64 generation, const QString &error);
    // A filter changed: refresh after kFilterPauseMs.
    void filterChanged();
    // Stores a filter field and asks again: at once for a choice, after a pause for typed text.
    void setFilterField(QString &field, const QString &value, bool typed);
    QString timeText(qint64 ms) const;
    int pageSize() const { return kPageSize; }

    // Appends the rows of the page `pending` brings to `rows` if it answers the current query,
    // or reports its failure; `rows` belongs to the subclass and lives as long as this model.
    template<typename Row, typename Page>
    void receivePage(QFuture<Page> pending, qint64 generation, std::vector<Row> &rows)
    {
        pending.then(this, [this, generation, &rows](QFuture<Page> f) {
            try {
                const Page page = f.result();
                if (isCurrent(generation))
                    appendPage(rows, page);
            } catch (const std::exception &e) {
                pageFailed(generation, QString::fromStdString(e.what()));
            }
        });
    }

private:
    template<typename Row, typename Page>
    void appendPage(std::vector<Row> &rows, const Page &page)
    {
        if (!page.rows.isEmpty()) {
            const int first = int(rows.size());
            beginInsertRows({}, first, first + int(page.rows.size()) - 1);
            rows.insert(rows.end(), page.rows.begin(), page.rows.end());
            endInsertRows();
        }
        pageDone(page.next);
    }
    void resolveRange();

    const Clock &m_clock;
    int m_preset = LastDay;
    qint64 m_customFrom = 0;
    qint64 m_customTo = 0;
    qint64 m_from = 0; // the range of the listing shown, fixed at its refresh
    qint64 m_to = 0;
    qint64 m_generation = 0;
    bool m_busy = false;
    std::optional<JournalCursor> m_next;
    QString m_error;
    QString m_text;
    QTimer m_filterPause;
};

} // namespace vigil
