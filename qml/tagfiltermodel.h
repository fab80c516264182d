#pragma once

#include <QSortFilterProxyModel>
#include <QtQml/qqmlregistration.h>

namespace vigil
{

class TagListModel;

// Sorting and filtering of the tag list for the Tags page. The filter matches every word of
// filterText against tag id, description, device and unit (case-insensitive).
class TagFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("TagFilterModel is created by the application")
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterTextChanged)
    Q_PROPERTY(QString sortKey READ sortKey NOTIFY sortChanged)
    Q_PROPERTY(bool ascending READ ascending NOTIFY sortChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int totalCount READ totalCount CONSTANT)
public:
    explicit TagFilterModel(TagListModel *source, QObject *parent = nullptr);

    QString filterText() const { return m_filterText; }
    void setFilterText(const QString &text);
    QString sortKey() const { return m_sortKey; }
    bool ascending() const { return m_ascending; }
    int count() const { return rowCount(); }
    int totalCount() const;

    // Sorts by a column key: tagId, description, device, value, unit, quality, time. Choosing
    // the current key again reverses the order.
    Q_INVOKABLE void sortBy(const QString &key);

signals:
    void filterTextChanged();
    void sortChanged();
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    TagListModel *m_source;
    QString m_filterText;
    QStringList m_words;
    QString m_sortKey;
    bool m_ascending = true;
};

} // namespace vigil
