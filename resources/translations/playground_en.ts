<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>AutosaveController</name>
        <message numerus="yes">
            <source>%n more autosaved experiments are kept; they are offered at the next start.</source>
            <translation>
                <numerusform>%n more autosaved experiment is kept; it is offered at the next start.</numerusform>
                <numerusform>%n more autosaved experiments are kept; they are offered at the next start.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ColumnChoice</name>
        <message numerus="yes">
            <source>%n target columns: a regression that predicts each of them.</source>
            <translation>
                <numerusform>%n target column: a regression that predicts it.</numerusform>
                <numerusform>%n target columns: a regression that predicts each of them.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ConfusionPlot</name>
        <message numerus="yes">
            <source>Confusion matrix (%1 data, %n samples)</source>
            <translation>
                <numerusform>Confusion matrix (%1 data, %n sample)</numerusform>
                <numerusform>Confusion matrix (%1 data, %n samples)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CsvImportDialog</name>
        <message numerus="yes">
            <source>%n rows</source>
            <translation>
                <numerusform>%n row</numerusform>
                <numerusform>%n rows</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n columns; the first rows are shown.</source>
            <translation>
                <numerusform>%n column; the first rows are shown.</numerusform>
                <numerusform>%n columns; the first rows are shown.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Only the first %n columns are drawn.</source>
            <translation>
                <numerusform>Only the first column is drawn.</numerusform>
                <numerusform>Only the first %n columns are drawn.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DataPreview</name>
        <message numerus="yes">
            <source>Shows 2 of the %n inputs; the map holds the others at their mean: %1. Pick the pair in the data panel.</source>
            <translation>
                <numerusform>Shows 2 of the %n inputs; the map holds the others at their mean: %1. Pick the pair in the data panel.</numerusform>
                <numerusform>Shows 2 of the %n inputs; the map holds the others at their mean: %1. Pick the pair in the data panel.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DiagnosisView</name>
        <message numerus="yes">
            <source>%n things to look at:</source>
            <translation>
                <numerusform>%n thing to look at:</numerusform>
                <numerusform>%n things to look at:</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Export</name>
        <message numerus="yes">
            <source>Saved the metrics of %n epochs as %1.</source>
            <translation>
                <numerusform>Saved the metrics of %n epoch as %1.</numerusform>
                <numerusform>Saved the metrics of %n epochs as %1.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MisclassifiedView</name>
        <message numerus="yes">
            <source>%n of %2 %1 samples are misclassified; the first %4 are shown.</source>
            <translation>
                <numerusform>%n of %2 %1 samples is misclassified; the first %4 are shown.</numerusform>
                <numerusform>%n of %2 %1 samples are misclassified; the first %4 are shown.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n of %2 %1 samples are misclassified.</source>
            <translation>
                <numerusform>%n of %2 %1 samples is misclassified.</numerusform>
                <numerusform>%n of %2 %1 samples are misclassified.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PlotExport</name>
        <message numerus="yes">
            <source>Saved %n {format} plot pictures of {width} × {height} pixels in {folder}.</source>
            <translation>
                <numerusform>Saved %n {format} plot picture of {width} × {height} pixels in {folder}.</numerusform>
                <numerusform>Saved %n {format} plot pictures of {width} × {height} pixels in {folder}.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PreviewTable</name>
        <message numerus="yes">
            <source>%1, %n empty</source>
            <translation>
                <numerusform>%1, %n empty</numerusform>
                <numerusform>%1, %n empty</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RunHistory</name>
        <message numerus="yes">
            <source>{optimizer}, lr {lr}, batch {batch}, %n layers</source>
            <translation>
                <numerusform>{optimizer}, lr {lr}, batch {batch}, %n layer</numerusform>
                <numerusform>{optimizer}, lr {lr}, batch {batch}, %n layers</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RunResult</name>
        <message numerus="yes">
            <source>Run %1 finished after %n epochs in %2</source>
            <translation>
                <numerusform>Run %1 finished after %n epoch in %2</numerusform>
                <numerusform>Run %1 finished after %n epochs in %2</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Run %1 stopped after %n epochs in %2</source>
            <translation>
                <numerusform>Run %1 stopped after %n epoch in %2</numerusform>
                <numerusform>Run %1 stopped after %n epochs in %2</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Run %1 diverged after %n epochs in %2</source>
            <translation>
                <numerusform>Run %1 diverged after %n epoch in %2</numerusform>
                <numerusform>Run %1 diverged after %n epochs in %2</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Run %1 ended after %n epochs in %2</source>
            <translation>
                <numerusform>Run %1 ended after %n epoch in %2</numerusform>
                <numerusform>Run %1 ended after %n epochs in %2</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SpeedControl</name>
        <message numerus="yes">
            <source>%n steps/s</source>
            <translation>
                <numerusform>%n step/s</numerusform>
                <numerusform>%n steps/s</numerusform>
            </translation>
        </message>
    </context>
</TS>
