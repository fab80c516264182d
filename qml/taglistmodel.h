#pragma once

#include "tags/tagchange.h"
#include "tags/tagdirectory.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <vector>

namespace vigil
{

// Every tag with its live value, for the Tags page and any list of tags. Receives coalesced
// change sets (≤ 20 Hz) on the GUI thread and keeps its own copy of what is shown; values are
// formatted only when a visible row asks for them.
class TagListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("TagListModel is created by the application")
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        DescriptionRole,
        DeviceRole,
        TypeRole,
        IsNumericRole,
        ValueRole,
        ValueTextRole,
        UnitRole,
        QualityRole,
        QualityMarkRole,
        QualityNameRole,
        IsGoodRole,
        IsUncertainRole,
        IsBadRole,
        TimeRole,
        TimeTextRole,
        RangeLoRole,
        RangeHiRole,
        FractionRole,
        LoLimitFractionRole,
        HiLimitFractionRole,
        WritableRole,
    };
    Q_ENUM(Role)

    explicit TagListModel(std::shared_ptr<const TagDirectory> tags, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    const TagDirectory &directory() const { return *m_tags; }
    // Role number of a role name ("value", "quality"...), or -1.
    int roleOf(const QByteArray &name) const;

public slots:
    void applyUpdate(const vigil::ChangeSet &changes);

private:
    struct Row {
        double value = 0.0;
        QString text;
        qint64 time = 0;
        Quality quality = Quality::WaitingForInitialData;
        bool hasValue = false;
    };
    QString formatValue(quint32 tag, const Row &row) const;
    double fraction(quint32 tag, double value) const;

    std::shared_ptr<const TagDirectory> m_tags;
    std::vector<Row> m_rows;
    std::vector<double> m_loLimit; // lowest "lo" limit per tag, NaN if none
    std::vector<double> m_hiLimit;
};

} // namespace vigil
