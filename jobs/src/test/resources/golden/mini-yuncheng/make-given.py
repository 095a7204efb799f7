# One-off builder of the golden "given" files (committed); the expected values in
# ../expect were worked out by hand from the design in README.md, not from pipeline output.
import os, csv, io
HERE=os.path.dirname(os.path.abspath(__file__))
os.chdir(HERE)
G='given'
def w(path, header, rows):
    p=os.path.join(G,path); os.makedirs(os.path.dirname(p) or G, exist_ok=True)
    with open(p,'w',newline='',encoding='utf-8') as f:
        cw=csv.writer(f, lineterminator='\n'); cw.writerow(header); cw.writerows(rows)
A,B,C,P='140802','140821','140800','140000'
w('regions.csv',['region_code','region_name','parent_code','level','economic_zone'],[
 [P,'山西省','','province','central'],[C,'运城市',P,'city','central'],[A,'盐湖区',C,'county','central'],[B,'临猗县',C,'county','central']])
nat=[]
for y,m,v in [(2023,'online_retail_growth_rate','0.11'),(2024,'online_retail_growth_rate','0.11'),
              (2023,'online_retail_share','0.276'),(2024,'online_retail_share','0.27'),
              (2023,'express_volume_growth_rate','0.194'),(2024,'express_volume_growth_rate','0.2'),
              (2024,'complaint_mediation_success_rate','0.75'),(2024,'consumer_satisfaction_rate','0.9'),
              (2024,'odr_on_time_close_rate','0.9'),(2024,'odr_settlement_rate','0.6')]:
    nat.append([y,m,v,f'{y+1}-02-28'])
# a revision: an earlier, wrong 2024 express figure superseded by the later report
nat.append([2024,'express_volume_growth_rate','0.25','2025-01-15'])
w('national/nbs.csv',['year','metric','value','reported_at'],nat)
retail=[]
for region,(o22,o23,o24),(t22,t23,t24),skip in [(A,(1000,1200,1332),(4000,4400,4600),None),(B,(500,550,600),(2000,2400,2500),'2024-12')]:
    for y,o,t in [(2022,o22,t22),(2023,o23,t23),(2024,o24,t24)]:
        for mo in range(1,13):
            month=f'{y}-{mo:02d}'
            if month==skip: continue
            retail.append([region,month,f'{o}.00',f'{t}.00',f'{y}-{mo:02d}-28' if mo<12 else f'{y+1}-01-10'])
retail.append([C,'2024-12','2000.00','7000.00','2025-01-12'])
w('retail/retail-2022-2024.csv',['region_code','month','online_retail_yuan','total_retail_yuan','reported_at'],retail)
express=[]
for region,(a,b,c) in [(A,(100,130,156)),(B,(50,60,72))]:
    for y,v in [(2022,a),(2023,b),(2024,c)]:
        for mo in range(1,13):
            express.append([region,f'{y}-{mo:02d}',v,f'{y}-{mo:02d}-28'])
w('express/express.csv',['region_code','month','parcels','reported_at'],express)
w('market-entities/entities.csv',['region_code','as_of_date','market_entities','reported_at'],[
 [A,'2023-12-31',900,'2024-01-20'],[A,'2024-12-31',1000,'2025-01-20'],[B,'2024-12-31',2000,'2025-01-20'],[A,'2025-03-31',5000,'2025-04-20']])
w('employment/employment.csv',['region_code','year','online_market_employed','total_employed','reported_at'],[
 [A,2024,30,1000,'2025-03-01'],[C,2024,500,10000,'2025-03-01'],[B,2023,40,1000,'2024-03-01']])
w('tax/tax.csv',['region_code','year','ecommerce_tax_yuan','total_tax_yuan','reported_at'],[
 [A,2024,'49.99','1000.00','2025-03-01'],[B,2024,'50.00','1000.00','2025-03-01']])
w('platform-accounts/accounts.csv',['region_code','as_of_date','platform_users','staffed_supervisors','reported_at'],[
 [A,'2024-12-31',50,100,'2025-01-05'],[B,'2024-12-31',10,0,'2025-01-05']])
# operators: ids are valid USCCs
CS="0123456789ABCDEFGHJKLMNPQRTUWXY"; W=[1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28]
def uscc(n, region):
    body=('9114'+region[2:4]+region[4:6]+'MA'+f'{n:07d}')[:17]
    body=body.replace('I','1')
    s=sum(CS.index(ch)*W[i] for i,ch in enumerate(body)); c=31-s%31
    return body+CS[0 if c==31 else c]
ops=[]; n=0
def op(region, reg, dereg='', name=None, typ='in_platform'):
    global n; n+=1; i=uscc(n, region)
    ops.append([i, name or f'网店{n}', region, typ, reg, dereg, '2025-01-02 08:00:00']); return i
# A: 150 active at 2024-12-31, 75 of them registered on or before 2022-12-31
for k in range(70): op(A,'2019-05-01', typ=['platform','in_platform','self_built'][k%3])
op(A,'2022-12-31')                       # survived exactly at the cut-off
for k in range(74): op(A,'2023-06-01')
op(A,'2024-03-01','2025-01-05')          # deregistered after as-of: still active
for k in range(5): op(A,'2020-01-01','2024-06-30')   # deregistered: not active
op(A,'2021-01-01','2024-12-31')          # deregistered on the as-of date: not active
op(A,'2025-01-10'); op(A,'2025-01-10')   # registered after as-of
# B: 159 active, 48 survived
for k in range(47): op(B,'2018-01-01')
for k in range(111): op(B,'2023-02-01')
# sales operators (all in A except Y1 in B)
x1=op(A,'2015-01-01','', '运城盐湖果业, 有限公司'); x2=op(A,'2015-01-01'); x3=op(A,'2015-01-01'); x4=op(A,'2015-01-01')
y1=op(B,'2015-01-01')
w('operators/operators.csv',['operator_id','operator_name','region_code','operator_type','registered_on','deregistered_on','updated_at'],ops)
w('operator-sales/sales.csv',['operator_id','year','ecommerce_sales_yuan','reported_at'],[
 [x1,2022,'90000000.00','2023-03-01'],[x1,2023,'100000000.00','2024-03-01'],
 [x2,2024,'150000000.00','2025-03-01'],
 [x3,2022,'110000000.00','2023-03-01'],[x3,2023,'120000000.00','2024-03-01'],[x3,2024,'130000000.00','2025-03-01'],
 [x4,2024,'99999999.99','2025-03-01'],
 [y1,2023,'99999999.99','2024-03-01'],[y1,2024,'100000000.00','2025-03-01']])

def ts(d,h='09:00:00'): return f'{d} {h}'
disp=[]
# A identity claims: 10 in 2024, all completed; one from 2023 never completed (not in the cohort)
for k in range(10): disp.append([f'A-IC-{k}',A,'identity_claim',ts('2024-03-01'),ts('2024-03-15'),ts('2024-03-05'),ts('2024-03-06'),ts('2024-03-06','10:00:00')])
disp.append(['A-IC-OLD',A,'identity_claim',ts('2023-11-01'),ts('2023-11-15'),'','',ts('2023-11-01','10:00:00')])
# A monitoring leads: 10 in 2024; 8 verified early, 1 exactly at due (on time), 1 late; all completed by as-of
for k in range(8): disp.append([f'A-ML-{k}',A,'monitoring_lead',ts('2024-05-01'),ts('2024-05-10'),ts('2024-05-09'),ts('2024-05-20'),ts('2024-05-20','12:00:00')])
disp.append(['A-ML-8',A,'monitoring_lead',ts('2024-06-01'),ts('2024-06-10','18:00:00'),ts('2024-06-10','18:00:00'),ts('2024-12-31','23:59:59'),ts('2025-01-01','00:00:00')])
disp.append(['A-ML-9',A,'monitoring_lead',ts('2024-07-01'),ts('2024-07-10','18:00:00'),ts('2024-07-10','18:00:01'),ts('2024-07-20'),ts('2024-07-20','12:00:00')])
# B identity claims: 3 in 2024, 2 completed, 1 completed after the as-of date (first delivered as open, revised later)
disp.append(['B-IC-0',B,'identity_claim',ts('2024-02-01'),ts('2024-02-15'),ts('2024-02-02'),ts('2024-02-03'),ts('2024-02-03','10:00:00')])
disp.append(['B-IC-1',B,'identity_claim',ts('2024-02-01'),ts('2024-02-15'),ts('2024-02-02'),ts('2024-02-04'),ts('2024-02-04','10:00:00')])
disp.append(['B-IC-2',B,'identity_claim',ts('2024-12-20'),ts('2025-01-05'),'','',ts('2024-12-20','10:00:00')])
w('dispatches/dispatches-2024.csv',['dispatch_id','region_code','dispatch_type','dispatched_at','due_at','verified_at','completed_at','updated_at'],disp)
w('dispatches/dispatches-redelivery.csv',['dispatch_id','region_code','dispatch_type','dispatched_at','due_at','verified_at','completed_at','updated_at'],
  [['B-IC-2',B,'identity_claim',ts('2024-12-20'),ts('2025-01-05'),ts('2025-01-02'),ts('2025-01-03'),ts('2025-01-03','10:00:00')],
   # identical re-delivery of a row: collapses silently
   ['A-IC-0',A,'identity_claim',ts('2024-03-01'),ts('2024-03-15'),ts('2024-03-05'),ts('2024-03-06'),ts('2024-03-06','10:00:00')]])
clues=[]
for k in range(19): clues.append([f'A-R-{k}',A,'report',ts('2024-04-01'),ts('2024-04-15'),ts('2024-04-10'),ts('2024-05-01'),ts('2024-05-01','10:00:00')])
clues.append(['A-R-19',A,'report',ts('2024-04-01'),ts('2024-04-15'),ts('2024-04-16'),ts('2024-05-01'),ts('2024-05-01','10:00:00')])
for k in range(10): clues.append([f'A-S-{k}',A,'superior_assigned',ts('2024-08-01'),ts('2024-08-31'),ts('2024-08-20'),ts('2024-09-30'),ts('2024-09-30','10:00:00')])
clues.append(['B-R-0',B,'report',ts('2024-09-01'),ts('2024-09-15'),ts('2024-09-02'),'',ts('2024-09-02','10:00:00')])
clues.append(['B-R-OLD',B,'superior_assigned',ts('2023-09-01'),ts('2023-09-15'),'','',ts('2023-09-02','10:00:00')])
w('case-clues/clues.csv',['clue_id','region_code','source','received_at','due_at','verified_at','closed_at','updated_at'],clues)
rev=[]
for k in range(19): rev.append([f'A-RC-{k}',A,'reconsideration','2024-06-01','upheld','false',ts('2024-06-02')])
rev.append(['A-RC-19',A,'reconsideration','2024-07-01','revoked','true',ts('2024-07-02')])
rev.append(['A-RC-OLD',A,'reconsideration','2023-07-01','revoked','是',ts('2023-07-02')])
rev.append(['B-LT-0',B,'litigation','2024-10-01','won','否',ts('2024-10-02')])
w('case-reviews/reviews.csv',['case_id','region_code','review_type','decided_on','outcome','procedural_violation','updated_at'],rev)
comp=[]
H=['complaint_id','region_code','channel','received_at','initial_review_due','initial_reviewed_at','close_due','closed_at','mediation','satisfaction','odr_settled','updated_at']
def c(cid,ch,rev_at,closed,med,sat,settled=''):
    comp.append([cid,A,ch,ts('2024-03-01'),ts('2024-03-08'),rev_at,ts('2024-04-15'),closed,med,sat,settled,ts('2024-05-01')])
for k in range(18):
    closed = ts('2024-04-15','09:00:01') if k==0 else ts('2024-04-10')
    med = 'success' if k<7 else ('failed' if k<9 else 'none')
    sat = ('satisfied' if k<5 else 'basically_satisfied') if k<9 else ('dissatisfied' if k==9 else '')
    c(f'A-C-{k}','online',ts('2024-03-05'),closed,med,sat)
c('A-O-0','odr',ts('2024-03-05'),ts('2024-04-10'),'success','','true')
c('A-O-1','odr',ts('2024-03-05'),ts('2024-04-10'),'none','','false')
comp.append(['B-C-OLD',B,'online',ts('2023-03-01'),ts('2023-03-08'),ts('2023-03-05'),ts('2023-04-15'),ts('2023-04-10'),'success','satisfied','',ts('2023-05-01')])
w('complaints/complaints-2024.csv',H,comp)
# a bad row: closed before it was received (quarantined, not counted)
with open('given/complaints/complaints-2024.csv','a',encoding='utf-8') as f:
    f.write(f'A-C-BAD,{A},online,2024-03-01 09:00:00,2024-03-08 09:00:00,2024-03-05 09:00:00,2024-04-15 09:00:00,2024-02-01 09:00:00,success,satisfied,,2024-05-01 09:00:00\n')
tr=[]
for k,h in enumerate(['50','60','50.0','80','100']): tr.append([f'A-S{k}',A,2024,h,'2025-01-10'])
for k,h in enumerate(['50','0','60']): tr.append([f'B-S{k}',B,2024,h,'2025-01-10'])
w('training/training.csv',['staff_id','region_code','year','training_hours','reported_at'],tr)
import yaml
ed=yaml.safe_load(open(os.path.join(HERE,'../../../../../../schemas/editions/2022.yaml')))
assessed=[]
for c1 in ed['categories']:
    for c2 in c1['children']:
        for ind in c2['indicators']:
            for it in ind.get('items',[ind]):
                if it['kind']=='assessed': assessed.append((str(it['code']), it['max']))
rows=[]
for region in [A,B,C]:
    for code,mx in assessed:
        pts=mx
        if region==A and code=='10': pts=2
        if region==A and code=='34': pts=1
        if region==B and code in ('11.3','16'): continue
        if region==B and code=='28': pts=0
        rows.append([region,2024,code,f'{pts:g}','材料审查 evidence','专家组',ts('2025-02-01','10:00:00')])
# an earlier assessment of A's item 10, superseded by the later one above
rows.append([A,2024,'10','1.5','初评','专家组',ts('2025-01-15','10:00:00')])
w('assessments/assessments-2024.csv',['region_code','year','item','points','evidence','assessor','assessed_at'],rows)

