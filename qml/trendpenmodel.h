#pragma once

#include "history/bucketseries.h"

#include <QAbstractListModel>
#include <QColor>
#include <QtQml/qqmlregistration.h>

#include <optional>
#include <vector>

namespace vigil
{

struct TagDefinition;

// The pens of a trend, for its legend: tag, unit, colour, scale, and the value under the cursor
// (or the latest one) with its quality mark. Owned and updated by TrendController.
class TrendPenModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("TrendPenModel belongs to a TrendController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        TagIdRole = Qt::UserRole + 1,
        DescriptionRole,
        UnitRole,
        ColorRole,
        PenVisibleRole,
        FocusedRole,
        ValueTextRole,
        QualityMarkRole,
        IsBadRole,
        ScaleTextRole,
    };
    Q_ENUM(Role)

    struct Pen {
        const TagDefinition *tag = nullptr;
        QColor color;
        bool visible = true;
        QString valueText = QStringLiteral("—");
        QString qualityMark;
        bool bad = false;
    };

    explicit TrendPenModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    const std::vector<Pen> &pens() const { return m_pens; }
    const Pen &pen(int index) const { return m_pens[size_t(index)]; }
    int focused() const { return m_focused; }

    void append(Pen pen);
    void remove(int index);
    void setVisible(int index, bool visible);
    void setFocused(int index);
    // Shows the value a pen had at a fraction of the series' range (the cursor), or its latest
    // value, with unit and quality; "—" when unknown or bad.
    void showReading(int index, const BucketSeries *series, std::optional<double> fraction);

signals:
    void countChanged();

private:
    void setReading(int index, const QString &valueText, const QString &qualityMark, bool bad);

    std::vector<Pen> m_pens;
    int m_focused = -1;
};

} // namespace vigil
