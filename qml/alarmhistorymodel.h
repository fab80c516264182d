#pragma once

#include "journal/journalreader.h"
#include "journallistmodel.h"

#include <QVariantList>

#include <array>
#include <memory>
#include <vector>

namespace vigil
{

class JournalQueryService;
class TagDirectory;

// The alarm history page's list: alarm transitions from journal.db filtered by time range,
// priority, tag and text, newest first, one page at a time. Values and limits are shown with
// the tag's unit and decimals.
class AlarmHistoryModel : public JournalListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("AlarmHistoryModel is created by the application")
    Q_PROPERTY(QVariantList shownPriorities READ shownPriorities NOTIFY filtersChanged)
    Q_PROPERTY(QString tagFilter READ tagFilter WRITE setTagFilter NOTIFY filtersChanged)
public:
    enum Role {
        TimeTextRole = Qt::UserRole + 1,
        PriorityRole,
        PriorityTextRole,
        KindRole,
        KindTextRole,
        AlarmKeyRole,
        TagRole,
        DeviceRole,
        MessageRole,
        ValueTextRole,
        LimitTextRole,
        UserRole,
        CommentRole,
    };
    Q_ENUM(Role)

    AlarmHistoryModel(JournalQueryService &queries, std::shared_ptr<const TagDirectory> tags,
                      const Clock &clock, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QVariantList shownPriorities() const;
    QString tagFilter() const { return m_tag; }
    void setTagFilter(const QString &tag);
    // Shows or hides one priority (1 low .. 4 critical); the last shown one stays shown.
    Q_INVOKABLE void setPriorityShown(int priority, bool shown);

protected:
    void requestPage(qint64 generation, qint64 fromMs, qint64 toMs,
                     std::optional<JournalCursor> after) override;
    void clearRows() override { m_rows.clear(); }

private:
    QString formatNumber(const AlarmHistoryRow &row, std::optional<double> value,
                         bool isLimit) const;

    JournalQueryService &m_queries;
    std::shared_ptr<const TagDirectory> m_tags;
    std::vector<AlarmHistoryRow> m_rows;
    std::array<bool, 4> m_shown{true, true, true, true}; // index priority - 1
    QString m_tag;
};

} // namespace vigil
